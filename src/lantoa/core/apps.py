from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lantoa.core"
    label = "core"
    verbose_name = "Lõi"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from lantoa.core.sessions import session_clock_start

        user_logged_in.connect(session_clock_start, dispatch_uid="core-session-clock")
