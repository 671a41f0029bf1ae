"""A newcomer creates an account, confirms it, logs out and in, and resets a password."""

from conftest import click_and_wait
from selenium.webdriver.common.by import By

PASSWORD = "une phrase de passe solide"


def fill(driver, values):
    for name, value in values.items():
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def submit(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))


def logout(driver):
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Se déconnecter']"))


def test_register_confirm_logout_login(portal, browser, journey):
    browser.get(portal.url("/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    journey.check("accueil")

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Créer un compte"))
    journey.check("inscription")
    fill(browser, {"email": "camille@exemple.fr", "display_name": "Camille", "password": "court"})
    submit(browser)
    assert "au moins 10 caractères" in browser.page_source
    journey.check("inscription-erreur")

    fill(browser, {"password": PASSWORD})
    submit(browser)
    assert "Compte créé" in browser.page_source
    journey.check("compte-non-confirme")

    token = portal.mailed_token("camille@exemple.fr", "/compte/confirmer")
    browser.get(portal.url(f"/compte/confirmer?jeton={token}"))
    assert "Adresse confirmée" in browser.page_source
    assert "pas encore confirmée" not in browser.page_source
    journey.check("compte-confirme")

    logout(browser)
    assert "Vous êtes déconnecté" in browser.page_source

    browser.get(portal.url("/connexion"))
    journey.check("connexion")
    fill(browser, {"email": "camille@exemple.fr", "password": PASSWORD})
    submit(browser)
    assert "Vous êtes connecté" in browser.page_source
    assert "Camille" in browser.find_element(By.CLASS_NAME, "account-nav").text


def test_password_reset_link_works_once(portal, browser, journey):
    browser.get(portal.url("/inscription"))
    fill(browser, {"email": "lea@exemple.fr", "display_name": "Léa", "password": PASSWORD})
    submit(browser)
    logout(browser)

    browser.get(portal.url("/compte/mot-de-passe/oubli"))
    journey.check("oubli")
    fill(browser, {"email": "lea@exemple.fr"})
    submit(browser)
    assert "Vérifiez votre messagerie" in browser.page_source

    token = portal.mailed_token("lea@exemple.fr", "/compte/mot-de-passe/nouveau")
    browser.get(portal.url(f"/compte/mot-de-passe/nouveau?jeton={token}"))
    journey.check("nouveau-mot-de-passe")
    fill(browser, {"password": "toute nouvelle phrase"})
    submit(browser)
    assert "Mot de passe changé" in browser.page_source

    browser.get(portal.url(f"/compte/mot-de-passe/nouveau?jeton={token}"))
    fill(browser, {"password": "encore une autre phrase"})
    submit(browser)
    assert "Ce lien a déjà été utilisé" in browser.page_source


def test_keyboard_reaches_the_main_content_through_the_skip_link(portal, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(portal.url("/"))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Aller au contenu"
    focused.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#contenu")
