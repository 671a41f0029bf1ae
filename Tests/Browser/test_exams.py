"""A visitor and a trainer take mock exams in Chromium: answers, reloads, timeouts, results, review."""

import os
import subprocess
from pathlib import Path

from conftest import ROOT, click_and_wait, is_gone
from exam_steps import answer_all, answer_current, kind, wait_saved
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "une phrase de passe solide"


def start(browser, portal, exam):
    browser.get(portal.url(f"/examens/{exam}"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()=\"Commencer l'épreuve\"]"))
    assert "/epreuves/" in browser.current_url


def test_visitor_takes_the_free_sample_to_results_and_review(portal, browser, journey):
    browser.get(portal.url("/preparations/ifsi"))
    journey.check("preparation")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Échantillon gratuit"))
    journey.check("presentation-epreuve")
    start(browser, portal, "ifsi-echantillon")

    answered = answer_all(browser, journey, "question")
    assert answered == 10

    click_and_wait(browser, (By.LINK_TEXT, "Terminer l'épreuve"))
    assert "Vous avez répondu à toutes les questions" in browser.page_source
    journey.check("confirmation")
    click_and_wait(browser, (By.XPATH, "//button[normalize-space()='Terminer et voir mes résultats']"))
    assert "/resultats" in browser.current_url
    assert "Rang 1 sur 1" in browser.page_source
    journey.check("resultats")

    click_and_wait(browser, (By.LINK_TEXT, "Voir la correction détaillée"))
    assert browser.page_source.count("Explication") >= 9
    journey.check("correction")


def test_answers_survive_a_reload_and_time_out_closes_the_attempt(portal, browser, journey):
    start(browser, portal, "as-echantillon")
    first = answer_current(browser, 1)
    wait_saved(browser)
    url = browser.current_url

    browser.get(url)
    if first[0] == "option":
        assert browser.find_element(By.ID, first[1]).is_selected()
    elif first[0] == "text":
        assert browser.find_element(By.ID, "reponse-texte").get_attribute("value") == first[1]
    assert browser.find_element(By.CSS_SELECTOR, ".nav-item[aria-current=step]").get_attribute("class").count(
        "is-answered") == 1
    journey.check("apres-rechargement")

    portal.advance_clock(16 * 60)
    browser.get(url)
    assert "/resultats" in browser.current_url
    assert "Terminée le" in browser.page_source
    journey.check("temps-ecoule")


def test_trainer_takes_a_premium_exam_whose_first_section_times_out(portal, browser, journey):
    env = dict(os.environ, LESOCIAL_ENV="test", LESOCIAL_DATA=portal.data, LESOCIAL_ROOT=str(ROOT),
               LESOCIAL_FAST_HASHING="1")
    binary = os.environ.get("LESOCIAL_BIN", str(ROOT / ".build" / "debug" / "lesocial"))
    subprocess.run([binary, "user", "create", "--email", "formatrice@exemple.fr", "--role", "trainer",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, env=env, check=True,
                   capture_output=True)
    browser.get(portal.url("/connexion"))
    browser.find_element(By.NAME, "email").send_keys("formatrice@exemple.fr")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))

    start(browser, portal, "ifsi-blanc-1")
    assert "Section 1 sur 2" in browser.page_source
    answer_current(browser, 0)
    wait_saved(browser)
    journey.check("section-1")

    portal.advance_clock(30 * 60 + 1)
    browser.get(browser.current_url.split("?")[0])
    assert "Section 2 sur 2" in browser.page_source
    journey.check("section-2")
    answer_all(browser)

    click_and_wait(browser, (By.LINK_TEXT, "Terminer l'épreuve"))
    click_and_wait(browser, (By.XPATH, "//button[normalize-space()='Terminer et voir mes résultats']"))
    assert "Calculs" in browser.page_source
    assert "/20" in browser.page_source
    journey.check("resultats-premium")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Ma progression"))
    assert "<svg" in browser.page_source
    journey.check("progression")


def test_keyboard_only_pass_through_an_exam(portal, browser, journey):
    browser.get(portal.url("/examens/es-echantillon"))
    button = browser.find_element(By.XPATH, "//button[normalize-space()=\"Commencer l'épreuve\"]")
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(40):
        body = browser.switch_to.active_element
        if body == button:
            break
        body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == button
    old = browser.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(browser, 10).until(lambda d: is_gone(old))

    for number in range(3):
        assert kind(browser) in ("singleChoice", "trueFalse", "multipleChoice", "numerical", "shortAnswer", "matching")
        first_input = browser.find_element(By.CSS_SELECTOR, "#formulaire-question input:not([type=hidden]), "
                                                            "#formulaire-question select")
        # Tab from the navigator into the form, then answer with the keyboard only.
        browser.execute_script("document.querySelector('.navigator a').focus()")
        active = browser.switch_to.active_element
        for _ in range(30):
            active.send_keys(Keys.TAB)
            active = browser.switch_to.active_element
            if active == first_input:
                break
        assert active == first_input
        if active.get_attribute("type") in ("radio", "checkbox"):
            active.send_keys(Keys.SPACE)
        elif active.tag_name == "select":
            active.send_keys(Keys.ARROW_DOWN)
        else:
            active.send_keys("3")
        wait_saved(browser)
        old = browser.find_element(By.TAG_NAME, "html")
        active.send_keys(Keys.ALT, "n")
        WebDriverWait(browser, 10).until(lambda d: is_gone(old))
    assert "question 4 sur 10" in browser.page_source
    journey.check("clavier")


def test_a_save_overtaken_by_another_device_says_so_and_the_next_change_wins(portal, browser, journey):
    start(browser, portal, "as-echantillon")
    answer_current(browser, 0)
    wait_saved(browser)

    # Another device of the same candidate saves this question with a much later number.
    outcome = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const root = document.getElementById("epreuve");
        fetch(root.dataset.saveUrl, {
          method: "PUT", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": root.dataset.csrf },
          body: JSON.stringify({ response: null, seq: 1000000 }),
        }).then((reply) => reply.json()).then((receipt) => done(receipt.outcome), () => done("network"));
        """)
    assert outcome == "saved"

    answer_current(browser, 1)
    state = browser.find_element(By.ID, "etat-sauvegarde")
    WebDriverWait(browser, 10).until(lambda d: state.get_attribute("data-state") == "stale")
    assert "autre appareil" in state.text
    journey.check("reponse-depassee")

    # The next change on this page is numbered after the other device's and is kept.
    answer_current(browser, 2)
    wait_saved(browser)
