import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from lantoa.orgs.models import User


@pytest.mark.parametrize(
    "password", ["0912345678", "+84912345678", "84 912 345 678", "912.345.678", "Lan0912345678toa", "tôi+84912345678"]
)
def test_the_phone_number_is_refused_in_any_form(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=User(username="0912345678"))
    assert "password_has_phone" in [error.code for error in refused.value.error_list]
    assert "số điện thoại của bạn" in " ".join(refused.value.messages)


def test_a_password_without_the_phone_number_passes():
    validate_password("sông Hậu 2026 mùa nước nổi", user=User(username="0912345678"))  # does not raise


def test_another_persons_number_is_not_this_users_phone():
    validate_password("0987654321-lantoa", user=User(username="0912345678"))  # does not raise
