from lantoa.voice.services import surveys as survey_services


def test_the_home_page_lists_open_surveys_for_the_workers_enterprise_only(
    client, grassroots_officer, enterprise_a, enterprise_b
):
    survey = survey_services.survey_create(user=grassroots_officer, title="Tâm tư quý IV", unit=enterprise_a.unit)
    assert "Tâm tư quý IV" not in client.get("/").content.decode()  # no enterprise context yet
    client.get(f"/e/{enterprise_b.public_code}")
    assert "Tâm tư quý IV" not in client.get("/").content.decode()
    client.get(f"/e/{enterprise_a.public_code}")
    home = client.get("/").content.decode()
    assert "Khảo sát dành cho bạn" in home and f"/voice/s/{survey.public_code}/" in home
    survey.is_open = False
    survey.save()
    assert "Tâm tư quý IV" not in client.get("/").content.decode()
