# The service's user, before the files it owns are installed. Idempotent.
getent group connmonitor >/dev/null || groupadd --system connmonitor
getent passwd connmonitor >/dev/null || useradd --system --gid connmonitor --no-create-home \
	--home-dir /nonexistent --shell /sbin/nologin --comment "connmonitor daemon" connmonitor
exit 0
