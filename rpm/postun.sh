# %systemd_postun_with_restart: on upgrade, restart a running service with the new files. On erase the user stays,
# as RPM packages leave their users, the log files go with the package that owns them (%ghost), and an edited
# configuration is kept as .rpmsave.
if command -v systemctl >/dev/null; then
	systemctl daemon-reload >/dev/null 2>&1 || :
	if [ "$1" -ge 1 ]; then
		systemctl try-restart connmonitor.service >/dev/null 2>&1 || :
	fi
fi
exit 0
