from django.urls import path

from . import views

app_name = "rejections"

urlpatterns = [
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.resume, name="resume"),
    path("<int:pk>/step/<int:number>/", views.step, name="step"),
    path("<int:pk>/step/<int:number>/<int:screen>/", views.step, name="step_screen"),
    path("<int:pk>/summary/", views.summary, name="summary"),
    path("plan/", views.plan, name="plan"),
    path("plan/<int:pk>/done/", views.plan_item_done, name="plan_item_done"),
    path("plan/<int:pk>/delete/", views.plan_item_delete, name="plan_item_delete"),
    path("plan/from-feedback/<int:pk>/", views.plan_from_feedback, name="plan_from_feedback"),
]
