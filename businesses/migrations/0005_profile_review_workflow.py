"""Business profiles get their own workflow: moderators approve, ask for changes, or decline."""

from django.db import migrations

from home.permissions import EDITORS, MODERATORS, grant_model_permissions, staff_group

WORKFLOW_NAME = "Moderatie ondernemersprofielen"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ProfileReviewTask = apps.get_model("businesses", "ProfileReviewTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="businesses", model="profilereviewtask")
    task = ProfileReviewTask.objects.filter(name="Beoordeling door moderatoren").first()
    if task is None:
        task = ProfileReviewTask.objects.create(
            name="Beoordeling door moderatoren", content_type=task_type, active=True
        )
    task.groups.add(staff_group(apps, MODERATORS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    business_type, _ = ContentType.objects.get_or_create(app_label="businesses", model="business")
    WorkflowContentType.objects.update_or_create(content_type=business_type, defaults={"workflow": workflow})

    grant_model_permissions(apps, EDITORS, "businesses", ["claimrequest"], ("change", "view"))
    grant_model_permissions(apps, MODERATORS, "businesses", ["claimrequest"], ("change", "delete", "view"))


class Migration(migrations.Migration):
    dependencies = [("businesses", "0004_selfservice")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
