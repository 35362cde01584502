# %systemd_post, plus the log files: the package owns them (%ghost) but RPM does not make them; systemd opens them
# as root for the service (StandardOutput=append:). On a first install the distribution's presets decide whether
# the service is enabled (the package ships none: Fedora enables only what its own presets name); RPM
# distributions do not start services at install time.
for log in /var/log/connmonitor.log /var/log/connmonitor.err; do
	[ -e "$log" ] || install -m 0640 -o root -g root /dev/null "$log"
done
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null; then
	systemctl --no-reload preset connmonitor.service >/dev/null 2>&1 || :
fi
exit 0
