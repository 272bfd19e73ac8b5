"""The stream side: records in, records out, around the pure extraction core."""
