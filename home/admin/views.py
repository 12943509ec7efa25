"""What the apps' own admin views share."""

from django.core.exceptions import PermissionDenied


class PermissionRequiredMixin:
    """An admin view only for whoever has every one of `permissions`; anyone else gets a 403
    before the view looks anything up (so a missing object tells them nothing either)."""

    permissions = ()

    def setup(self, request, *args, **kwargs):
        # Before super(): BaseObjectMixin looks its object up in setup().
        if not request.user.has_perms(self.permissions):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)
