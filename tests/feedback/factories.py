from apps.feedback.models import FeedbackRequest
from tests.interviews.factories import make_application


def make_request(owner, application=None, **fields) -> FeedbackRequest:
    application = application or make_application(owner)
    fields.setdefault("subject", "Feedback, please")
    fields.setdefault("message", "Dear Priya, could you tell me what I could improve?")
    return FeedbackRequest.objects.create(owner=owner, application=application, **fields)
