from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lantoa.core"
    label = "core"
    verbose_name = "Lõi"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django_tasks.signals import task_finished, task_started

        from lantoa.core import heartbeat, security
        from lantoa.core.sessions import session_clock_start

        user_logged_in.connect(session_clock_start, dispatch_uid="core-session-clock")
        user_login_failed.connect(security.login_failed, dispatch_uid="core-login-account-count")
        task_started.connect(heartbeat.beat_start, dispatch_uid="core-heartbeat-start")
        task_finished.connect(heartbeat.beat_stop, dispatch_uid="core-heartbeat-stop")
