# The labour parameters move from `legal` to this app with their rows: the table keeps its name, so only
# Django's idea of which app owns it changes. Permissions granted on the model follow its content type.
from django.db import migrations, models


def content_type_move(apps, schema_editor, *, source: str, target: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType")
    if not content_types.objects.filter(app_label=target, model="labourparameter").exists():
        content_types.objects.filter(app_label=source, model="labourparameter").update(app_label=target)


def content_type_forwards(apps, schema_editor) -> None:
    content_type_move(apps, schema_editor, source="legal", target="calculators")


def content_type_backwards(apps, schema_editor) -> None:
    content_type_move(apps, schema_editor, source="calculators", target="legal")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("legal", "0002_merge_library_parameters"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LabourParameter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(choices=[('min_wage_month', 'Lương tối thiểu tháng'), ('min_wage_hour', 'Lương tối thiểu giờ'), ('reference_level', 'Mức tham chiếu (lương cơ sở)'), ('si_ceiling_multiple', 'Trần lương đóng BHXH (số lần mức tham chiếu)'), ('hi_ceiling_multiple', 'Trần lương đóng BHYT (số lần mức tham chiếu)'), ('ui_ceiling_multiple', 'Trần lương đóng BHTN (số lần lương tối thiểu vùng)'), ('si_retirement_worker', 'BHXH hưu trí, tử tuất – người lao động'), ('si_retirement_employer', 'BHXH hưu trí, tử tuất – người sử dụng lao động'), ('si_sickness_employer', 'BHXH ốm đau, thai sản – người sử dụng lao động'), ('accident_employer', 'Bảo hiểm tai nạn lao động, bệnh nghề nghiệp – người sử dụng lao động'), ('ui_worker', 'Bảo hiểm thất nghiệp – người lao động'), ('ui_employer', 'Bảo hiểm thất nghiệp – người sử dụng lao động'), ('hi_worker', 'Bảo hiểm y tế – người lao động'), ('hi_employer', 'Bảo hiểm y tế – người sử dụng lao động'), ('union_fee_employer', 'Kinh phí công đoàn – người sử dụng lao động'), ('ot_weekday_pct', 'Làm thêm giờ ngày thường'), ('ot_weekly_rest_pct', 'Làm thêm giờ ngày nghỉ hằng tuần'), ('ot_holiday_pct', 'Làm thêm giờ ngày lễ, tết, ngày nghỉ có hưởng lương'), ('night_extra_pct', 'Trả thêm khi làm việc ban đêm'), ('ot_night_extra_pct', 'Trả thêm khi làm thêm giờ ban đêm'), ('normal_hours_day_max', 'Giờ làm việc bình thường tối đa một ngày'), ('normal_hours_day_max_weekly', 'Giờ làm việc bình thường tối đa một ngày (tính theo tuần)'), ('ot_day_share_max_pct', 'Giờ làm thêm tối đa một ngày (so với giờ bình thường)'), ('ot_day_total_max_weekly', 'Tổng giờ làm một ngày tối đa (tính theo tuần)'), ('ot_rest_day_max', 'Giờ làm thêm tối đa một ngày nghỉ hằng tuần, lễ, tết'), ('ot_month_max', 'Giờ làm thêm tối đa một tháng'), ('ot_year_max', 'Giờ làm thêm tối đa một năm'), ('ot_year_max_special', 'Giờ làm thêm tối đa một năm (ngành, nghề được phép)'), ('leave_days_normal', 'Ngày nghỉ hằng năm – điều kiện bình thường'), ('leave_days_heavy', 'Ngày nghỉ hằng năm – nặng nhọc, độc hại, nguy hiểm; chưa thành niên; khuyết tật'), ('leave_days_special', 'Ngày nghỉ hằng năm – đặc biệt nặng nhọc, độc hại, nguy hiểm'), ('leave_seniority_years', 'Số năm làm việc để được thêm ngày nghỉ'), ('leave_seniority_days', 'Số ngày nghỉ thêm theo thâm niên'), ('allowance_min_service_months', 'Thời gian làm việc tối thiểu để có trợ cấp'), ('severance_months_per_year', 'Trợ cấp thôi việc cho mỗi năm làm việc'), ('job_loss_months_per_year', 'Trợ cấp mất việc làm cho mỗi năm làm việc'), ('job_loss_min_months', 'Trợ cấp mất việc làm tối thiểu')], db_index=True, max_length=40, verbose_name='Tham số')),
                        ('region', models.PositiveSmallIntegerField(blank=True, help_text='Chỉ dùng cho lương tối thiểu vùng (1 đến 4).', null=True, verbose_name='Vùng')),
                        ('value', models.DecimalField(decimal_places=4, max_digits=14, verbose_name='Giá trị')),
                        ('unit', models.CharField(choices=[('vnd', 'đồng'), ('percent', '%'), ('times', 'lần'), ('hours', 'giờ'), ('days', 'ngày'), ('years', 'năm'), ('months', 'tháng'), ('wage_months', 'tháng lương')], max_length=12, verbose_name='Đơn vị')),
                        ('valid_from', models.DateField(verbose_name='Áp dụng từ ngày')),
                        ('valid_to', models.DateField(blank=True, null=True, verbose_name='Áp dụng đến hết ngày')),
                        ('document', models.CharField(help_text='Ví dụ: Nghị định 293/2025/NĐ-CP.', max_length=160, verbose_name='Văn bản')),
                        ('document_number', models.CharField(blank=True, help_text='Ví dụ: 293/2025/NĐ-CP; dùng để dẫn tới điều luật.', max_length=40, verbose_name='Số hiệu văn bản')),
                        ('article', models.CharField(help_text='Ví dụ: Điều 3 khoản 1.', max_length=120, verbose_name='Điều, khoản')),
                        ('note', models.TextField(blank=True, verbose_name='Ghi chú')),
                        ('needs_confirmation', models.BooleanField(default=False, help_text='Đánh dấu khi con số chưa được đối chiếu với văn bản chính thức; trang tính toán sẽ cảnh báo.', verbose_name='Cần đối chiếu văn bản gốc')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='Cập nhật lúc')),
                    ],
                    options={
                        'db_table': 'legal_labourparameter',
                        'verbose_name': 'Tham số lao động',
                        'verbose_name_plural': 'Tham số lao động theo thời gian',
                        'ordering': ['key', 'region', 'valid_from'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('region__isnull', False)), fields=('key', 'region', 'valid_from'), name='labour_parameter_unique_regional_start'), models.UniqueConstraint(condition=models.Q(('region__isnull', True)), fields=('key', 'valid_from'), name='labour_parameter_unique_start'), models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='labour_parameter_period_ordered'), models.CheckConstraint(condition=models.Q(('region__isnull', True), models.Q(('region__gte', 1), ('region__lte', 4)), _connector='OR'), name='labour_parameter_region_1_4')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_forwards, content_type_backwards),
    ]
