from lantoa.activities.models.dialogues import CollectiveAgreement, Commitment, Dialogue
from lantoa.activities.models.emulation import GoodModel, Initiative, Nomination
from lantoa.activities.models.events import Event, EventCheckin, EventPhoto
from lantoa.activities.models.force import Propagandist, Reward, Training, TrainingResult
from lantoa.activities.models.welfare import WelfareRecord

__all__ = [
    "CollectiveAgreement",
    "Commitment",
    "Dialogue",
    "Event",
    "EventCheckin",
    "EventPhoto",
    "GoodModel",
    "Initiative",
    "Nomination",
    "Propagandist",
    "Reward",
    "Training",
    "TrainingResult",
    "WelfareRecord",
]
