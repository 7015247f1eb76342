from datetime import timedelta


def add_working_days(moment, days):
    """Return ``moment`` plus ``days`` working days (Monday to Friday), at the same time of day."""
    result = moment
    while days > 0:
        result += timedelta(days=1)
        if result.weekday() < 5:
            days -= 1
    return result
