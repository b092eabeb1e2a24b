"""Dutch strings of own-device sessions: rules, the trainer's console and the room server."""

MESSAGES: dict[str, str] = {
    "rule.no_vote_to_change": "er is nog geen stem om te wijzigen",
    "rule.not_devices": "deze sessie stemt niet op eigen apparaten",
    "rule.already_claimed": "{name} is al gekozen op een ander apparaat",
    "rule.device_has_name": "dit apparaat hoort al bij een andere naam",
    "rule.not_claimed": "{name} is nog door geen apparaat gekozen",
}
