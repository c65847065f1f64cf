"""SourceOptions defaults and the size wording used in refusals."""

import pytest

from timeline.sources import SourceOptions, UsageError
from timeline.sources.options import format_size, over_limit_reason


def test_defaults():
    options = SourceOptions()
    assert (options.max_bytes, options.timeout, options.max_redirects, options.published) == (
        20 * 1024 * 1024,
        20.0,
        5,
        None,
    )


@pytest.mark.parametrize(
    "size,text",
    [
        (512, "512 bytes"),
        (2048, "2 KB"),
        (20 * 1024 * 1024, "20 MB"),
        (int(2.1 * (1 << 30)), "2.1 GB"),
        (1536 * 1024, "1.5 MB"),
    ],
)
def test_format_size(size, text):
    assert format_size(size) == text


def test_over_limit_reason():
    assert over_limit_reason("file", int(2.1 * (1 << 30)), 20 * 1024 * 1024) == "file is 2.1 GB, over the 20 MB limit"


def test_usage_error_carries_message():
    assert UsageError("x: no such file or directory").message == "x: no such file or directory"
