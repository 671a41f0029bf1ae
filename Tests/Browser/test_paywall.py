"""A student pays in the sandbox, takes a premium exam, is refunded and loses access; a school's code opens access."""

import os
import subprocess

from conftest import ROOT, click_and_wait
from exam_steps import answer_all, answer_current, wait_saved
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PASSWORD = "une phrase de passe solide"


def register_and_confirm(browser, portal, email, name):
    browser.get(portal.url("/inscription"))
    for field, value in (("email", email), ("display_name", name), ("password", PASSWORD)):
        browser.find_element(By.NAME, field).send_keys(value)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    token = portal.mailed_token(email, "/compte/confirmer")
    browser.get(portal.url(f"/compte/confirmer?jeton={token}"))
    assert "Adresse confirmée" in browser.page_source


def cli(portal, *arguments, stdin=None):
    env = dict(os.environ, LESOCIAL_ENV="test", LESOCIAL_DATA=portal.data, LESOCIAL_ROOT=str(ROOT),
               LESOCIAL_FAST_HASHING="1")
    binary = os.environ.get("LESOCIAL_BIN", str(ROOT / ".build" / "debug" / "lesocial"))
    return subprocess.run([binary, *arguments], input=stdin, text=True, env=env, check=True, capture_output=True)


def choose_plan(browser, name, journey=None):
    row = browser.find_element(By.XPATH, f"//tr[th[normalize-space()='{name}']]")
    click_and_wait(browser, row.find_element(By.LINK_TEXT, "Choisir"))
    assert "L221-28" in browser.page_source
    if journey:
        journey.check("confirmation-commande")
    browser.find_element(By.ID, "renonciation").click()
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Payer')]"))


def sandbox(browser, label):
    click_and_wait(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def test_pay_take_premium_exam_get_refunded_lose_access(portal, browser, journey):
    register_and_confirm(browser, portal, "camille@exemple.fr", "Camille")

    browser.get(portal.url("/tarifs"))
    assert "MODE TEST" in browser.page_source
    assert "TVA" in browser.page_source
    journey.check("tarifs")
    choose_plan(browser, "Préparation IFSI — 1 mois", journey)
    assert "MODE TEST" in browser.page_source
    sandbox_url = browser.current_url
    journey.check("caisse-test")
    sandbox(browser, "Simuler un paiement accepté")
    journey.check("retour-paiement")

    browser.get(portal.url("/compte/abonnement"))
    journey.check("abonnement")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Facture "))
    assert "TVA" in browser.page_source and "TTC" in browser.page_source
    journey.check("facture")

    browser.get(portal.url("/examens/ifsi-blanc-1"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()=\"Commencer l'épreuve\"]"))
    first = answer_current(browser, 2)
    wait_saved(browser)
    url = browser.current_url
    browser.get(url)
    if first[0] == "option":
        assert browser.find_element(By.ID, first[1]).is_selected()
    journey.check("epreuve-premium-rechargee")

    portal.advance_clock(30 * 60 + 1)
    browser.get(url.split("?")[0])
    assert "Section 2 sur 2" in browser.page_source
    answer_all(browser)
    click_and_wait(browser, (By.LINK_TEXT, "Terminer l'épreuve"))
    click_and_wait(browser, (By.XPATH, "//button[normalize-space()='Terminer et voir mes résultats']"))
    results_url = browser.current_url
    click_and_wait(browser, (By.LINK_TEXT, "Voir la correction détaillée"))
    assert "Explication" in browser.page_source
    journey.check("correction-premium")

    browser.get(sandbox_url)
    sandbox(browser, "Simuler un remboursement")
    browser.get(portal.url("/compte/abonnement"))
    assert "Avoir " in browser.page_source
    journey.check("rembourse")

    browser.get(portal.url("/examens/ifsi-blanc-2"))
    assert "Choisissez une formule" in browser.page_source
    assert browser.find_elements(By.XPATH, "//button[normalize-space()=\"Commencer l'épreuve\"]") == []
    browser.get(results_url.replace("/resultats", "/correction"))
    assert "Correction réservée" in browser.page_source
    browser.get(results_url)
    assert "/20" in browser.page_source


def test_school_codes_open_access_once(portal, browser, journey):
    cli(portal, "user", "create", "--email", "admin@exemple.fr", "--role", "admin", "--password-stdin",
        stdin=PASSWORD + "\n")
    browser.get(portal.url("/connexion"))
    browser.find_element(By.NAME, "email").send_keys("admin@exemple.fr")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))

    browser.get(portal.url("/admin/bons"))
    browser.find_element(By.NAME, "school").send_keys("IFAS de démonstration")
    Select(browser.find_element(By.NAME, "plan")).select_by_visible_text("Préparation Aide-soignant — 3 mois")
    count = browser.find_element(By.NAME, "count")
    count.clear()
    count.send_keys("3")
    browser.execute_script("document.getElementById('expiry').value = '2030-06-30'")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    browser.get(portal.url("/admin/bons"))
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "IFAS de démonstration"))
    codes = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "td code")]
    assert len(codes) == 3
    batch_url = browser.current_url
    journey.check("lot-de-codes")
    click_and_wait(browser, (By.XPATH, "//button[normalize-space()='Se déconnecter']"))

    register_and_confirm(browser, portal, "eleve@exemple.fr", "Élève")
    browser.get(portal.url("/bons"))
    browser.find_element(By.NAME, "code").send_keys(codes[0].lower())
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    journey.check("code-utilise")
    browser.get(portal.url("/examens/as-blanc-1"))
    assert browser.find_elements(By.XPATH, "//button[normalize-space()=\"Commencer l'épreuve\"]")

    browser.get(portal.url("/bons"))
    browser.find_element(By.NAME, "code").send_keys(codes[0])
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    assert "déjà" in browser.page_source
