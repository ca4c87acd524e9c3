"""The export's registry lists every model a person owns, in an order an import can follow."""

from django.apps import apps

from apps.core.models import OwnedModel
from apps.yourdata.models import ImportedRow
from apps.yourdata.registry import BY_KEY, EXPORTED, NOT_EXPORTED_MODELS


def test_every_owned_model_is_exported():
    owned = {
        model
        for model in apps.get_models()
        if issubclass(model, OwnedModel) and model is not ImportedRow  # the import's own notes
    }
    listed = {exported.model for exported in EXPORTED} | set(NOT_EXPORTED_MODELS)
    assert owned == listed, f"Add these to apps/yourdata/registry.py: {owned - listed}"


def test_each_model_comes_after_the_models_it_links_to():
    seen = set()
    for exported in EXPORTED:
        for name, target in {**exported.links, **exported.many}.items():
            assert target in seen, f"{exported.key}.{name} links to {target}, listed later"
        seen.add(exported.key)


def test_every_column_is_in_the_export_except_the_owner():
    for exported in EXPORTED:
        columns = {field.name for field in exported.model._meta.concrete_fields}
        written = {field.name for field in exported.fields} | set(exported.links) | {"id"}
        assert columns - written == {"owner"}, exported.key


def test_links_point_only_at_exported_models():
    for exported in EXPORTED:
        for target in {**exported.links, **exported.many}.values():
            assert target in BY_KEY
