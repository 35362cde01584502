# The service's user, before the files it owns are installed: what %sysusers_create_compat makes of
# /usr/lib/sysusers.d/connmonitor.conf (the build puts the commands here). Idempotent.
[[sysusers]]
exit 0
