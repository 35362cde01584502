# %systemd_preun: on erase (not on upgrade), disable and stop the service.
if [ "$1" -eq 0 ] && command -v systemctl >/dev/null; then
	systemctl --no-reload disable --now connmonitor.service >/dev/null 2>&1 || :
fi
exit 0
