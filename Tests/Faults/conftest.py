"""Fault tests: the real server (or command) on a fresh data folder, killed, starved of disk or
given bad input. Shared helpers live in faultlib.py."""

import shutil
import tempfile

import pytest

import faultlib


@pytest.fixture
def data_dir():
    folder = tempfile.mkdtemp(prefix="lesocial-faults-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(data_dir):
    portal = faultlib.Server(data_dir)
    yield portal
    portal.stop()
