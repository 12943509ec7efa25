import uuid

import django.db.models.deletion
from django.db import migrations, models


def locale_field():
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0007_translatable_menu_items")]

    operations = [
        migrations.AlterField(model_name="footerlink", name="locale", field=locale_field()),
        migrations.AlterField(
            model_name="footerlink",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(model_name="mainmenuitem", name="locale", field=locale_field()),
        migrations.AlterField(
            model_name="mainmenuitem",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="footerlink", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterUniqueTogether(
            name="mainmenuitem", unique_together={("translation_key", "locale")}
        ),
    ]
