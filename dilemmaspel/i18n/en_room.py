"""English strings of own-device sessions: rules, the trainer's console and the room server."""

MESSAGES: dict[str, str] = {
    "rule.no_vote_to_change": "there is no vote to change yet",
    "rule.not_devices": "this session does not vote on own devices",
    "rule.already_claimed": "{name} has already been chosen on another device",
    "rule.device_has_name": "this device already belongs to another name",
    "rule.not_claimed": "no device has chosen {name} yet",
}
