from apps.rejections.models import PlanItem, Recovery, Rejection
from tests.interviews.factories import make_application


def make_recovery(owner, application=None, **fields) -> Recovery:
    application = application or make_application(owner, status="rejected")
    rejection = Rejection.objects.create(owner=owner, application=application)
    return Recovery.objects.create(owner=owner, rejection=rejection, **fields)


def make_plan_item(owner, title="Practise the case study", **fields) -> PlanItem:
    return PlanItem.objects.create(owner=owner, title=title, **fields)
