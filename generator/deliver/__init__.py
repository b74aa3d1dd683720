"""Delivery: the wave's report and deck (and data workbook) e-mailed to the client, recorded.

``send`` checks everything first (fresh deliverables, recipients, settings), shows the
message, sends it through the SMTP server of rapport.yaml and appends the delivery to
``engagements/<client>/deliveries.yaml``; it can also only show the message or save it as an
.eml draft.
"""

from generator.deliver.send import SendOptions, SendResult, send

__all__ = ["SendOptions", "SendResult", "send"]
