from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "lantoa.content"
    label = "content"
    verbose_name = "Nội dung tuyên truyền"
