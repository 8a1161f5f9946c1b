"""The sub-processor register's models: entries (and each product's use of them), change notices,
and the bookkeeping that keeps every register change announced."""

from .alerts import Delivery, Objection, Subscriber
from .approval import DPOApprovalTask
from .entries import (
    UK,
    RecipientType,
    Status,
    Subprocessor,
    SubprocessorUse,
    TransferSafeguard,
    register_last_changed,
    today,
)
from .history import HistoryEvent, RegisterHistory
from .notices import ChangeKind, ChangeNotice
from .tracking import RegisterChange, RegisterSnapshot

__all__ = [
    "UK",
    "ChangeKind",
    "ChangeNotice",
    "Delivery",
    "Objection",
    "Subscriber",
    "DPOApprovalTask",
    "HistoryEvent",
    "RecipientType",
    "RegisterChange",
    "RegisterHistory",
    "RegisterSnapshot",
    "Status",
    "Subprocessor",
    "SubprocessorUse",
    "TransferSafeguard",
    "register_last_changed",
    "today",
]
