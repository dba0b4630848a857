"""A failed weights download says what happened in plain words; the raw error is only under Details."""

from __future__ import annotations

import errno
import io
import socket
import urllib.error

import pytest

from resnet_studio.engine import zoo
from resnet_studio.engine.errors import WeightsNotFoundError

RAW_DNS = "[Errno -2] Name or service not known"


class _Response(io.BytesIO):
    headers: dict = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _fail_with(monkeypatch, exc: BaseException) -> None:
    def urlopen(url, timeout=None):
        raise exc

    monkeypatch.setattr(zoo.urllib.request, "urlopen", urlopen)


def _download_error(**source) -> WeightsNotFoundError:
    src = zoo.WeightSource("https://example.invalid/w.pth", "w.pth", **source)
    with pytest.raises(WeightsNotFoundError) as info:
        zoo.download_weights("resnet18", source=src)
    return info.value


def _http_error(code: int) -> urllib.error.HTTPError:
    return urllib.error.HTTPError("https://example.invalid/w.pth", code, "status", {}, None)


@pytest.mark.parametrize("exc, expected", [
    (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), zoo.DOWNLOAD_NO_INTERNET),
    (urllib.error.URLError(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")),
     zoo.DOWNLOAD_NO_INTERNET),
    (urllib.error.URLError(TimeoutError("timed out")), zoo.DOWNLOAD_TIMED_OUT),
    (TimeoutError("The read operation timed out"), zoo.DOWNLOAD_TIMED_OUT),
    (_http_error(503), "The download server has a problem right now (error 503). Try again later."),
])
def test_each_kind_of_failure_has_its_own_sentence(monkeypatch, exc, expected):
    _fail_with(monkeypatch, exc)
    error = _download_error()
    assert str(error) == expected
    assert str(exc) in error.details  # the raw text stays, under Details


def test_no_internet_is_said_plainly_and_the_raw_text_is_only_in_the_details(monkeypatch):
    _fail_with(monkeypatch, urllib.error.URLError(socket.gaierror(-2, "Name or service not known")))
    error = _download_error()
    assert "no internet connection" in str(error)
    assert "Errno" not in str(error) and "urlopen" not in str(error)
    assert RAW_DNS in error.details and "example.invalid" in error.details


def test_a_missing_file_on_the_server_names_the_file_and_the_folder(monkeypatch):
    _fail_with(monkeypatch, _http_error(404))
    message = str(_download_error())
    assert "404" in message and "w.pth" in message and str(zoo.cache_dir()) in message
    assert "HTTP Error" not in message


def test_a_full_disk_is_named(monkeypatch):
    monkeypatch.setattr(zoo.urllib.request, "urlopen", lambda url, timeout=None: _Response(b"x" * 1000))

    class _Full(io.BytesIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    class _Writer:
        def __init__(self, dest):
            pass

        def __enter__(self):
            return _Full()

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(zoo, "atomic_write", _Writer)
    error = _download_error()
    assert str(error) == zoo.DOWNLOAD_DISK_FULL
    assert "No space left on device" in error.details


def test_a_damaged_download_is_not_kept(monkeypatch):
    monkeypatch.setattr(zoo.urllib.request, "urlopen", lambda url, timeout=None: _Response(b"x" * 1000))
    error = _download_error(sha256="0" * 64)
    assert str(error) == zoo.DOWNLOAD_DAMAGED
    assert not (zoo.cache_dir() / "w.pth").exists()
