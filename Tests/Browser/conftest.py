"""Browser journeys: the real server on a free port with a fresh database,
driven by Debian's headless Chromium through selenium."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("LESOCIAL_SCREENSHOTS", ROOT / "test-artifacts" / "screenshots"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    """A running `lesocial serve` in test mode."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="lesocial-browser-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.update({
            "LESOCIAL_ENV": "test",
            "LESOCIAL_DATA": self.data,
            "LESOCIAL_ROOT": str(ROOT),
            "LESOCIAL_PORT": str(self.port),
            "LESOCIAL_BASE_URL": self.base,
            "LESOCIAL_FAST_HASHING": "1",
            "LESOCIAL_TEST_CLOCK": "1",
            "LESOCIAL_LOG_LEVEL": "warning",
        })
        binary = os.environ.get("LESOCIAL_BIN", str(ROOT / ".build" / "debug" / "lesocial"))
        self.log = open(Path(self.data) / "server.log", "w")
        self.process = subprocess.Popen([binary, "serve"], env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the server did not answer /healthz within 30 s")

    def url(self, path):
        return self.base + path

    def mailed_token(self, email, path):
        """The token of the newest link mailed to `email` for `path` (.eml files)."""
        mail_dir = Path(self.data) / "mail"
        deadline = time.time() + 10
        while time.time() < deadline:
            for eml in sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
                text = eml.read_text()
                if f"To: {email}" in text and path + "?jeton=" in text:
                    return text.split(path + "?jeton=")[1].split()[0]
            time.sleep(0.2)
        raise AssertionError(f"no mail to {email} with a link to {path}")

    def advance_clock(self, seconds):
        request = urllib.request.Request(self.url(f"/__test/horloge?secondes={seconds}"), method="POST")
        urllib.request.urlopen(request).read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture
def portal():
    server = Portal()
    yield server
    server.stop()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", "--lang=fr-FR"):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def click_and_wait(driver, element):
    """Clicks an element that loads a new page and waits until the new page is there.

    `element` may be a located element or a `(By…, value)` locator; a locator is
    looked up again if the page was still settling when first clicked.
    """
    for attempt in range(3):
        target = element
        if isinstance(element, tuple):
            target = WebDriverWait(driver, 10).until(expected_conditions.element_to_be_clickable(element))
        old = driver.find_element(By.TAG_NAME, "html")
        try:
            target.click()
            break
        except WebDriverException:
            if not isinstance(element, tuple) or attempt == 2:
                raise
    WebDriverWait(driver, 10).until(lambda d: is_gone(old))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def is_gone(element):
    """Whether a page's element was replaced by a new page.

    Chromium reports a replaced node either as stale or with an inspector error
    ("Node with given id does not belong to the document"); both mean gone.
    """
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


class Journey:
    """Screenshots and accessibility checks for every page a journey visits."""

    def __init__(self, name, driver):
        self.name = name
        self.driver = driver
        self.step = 0
        self.folder = SCREENSHOTS / name
        self.folder.mkdir(parents=True, exist_ok=True)

    def check(self, label):
        """Screenshot the page and assert no serious or critical axe violation."""
        self.step += 1
        self.driver.save_screenshot(str(self.folder / f"{self.step:02d}-{label}.png"))
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert not bad, f"{label}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in bad)


@pytest.fixture
def journey(request, browser):
    return Journey(request.node.name, browser)
