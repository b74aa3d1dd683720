"""Why a delivery did not happen, each said in one line the consultant can act on."""

from __future__ import annotations

from generator.errors import RapportError


class DeliveryError(RapportError):
    """Nothing was sent and nothing was recorded."""


class DeliverableMissing(DeliveryError):
    """A document to attach has not been built."""


class DeliverableStale(DeliveryError):
    """A document to attach is older than its inputs, or was changed after it was built."""


class DeliverableDraft(DeliveryError):
    """A document to attach is a draft: a placeholder of the skeleton is left in its inputs."""


class RecipientError(DeliveryError):
    """No recipient, an unknown name, or a contact without an e-mail address."""


class SmtpSettingsError(DeliveryError):
    """rapport.yaml has no smtp: settings, or the password cannot be found."""


class SendFailed(DeliveryError):
    """The mail server could not be reached, or refused the login, a recipient or the message."""


class RecordError(RapportError):
    """deliveries.yaml cannot be appended to."""
