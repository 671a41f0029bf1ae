"""Steps shared by the exam journeys: answering whatever question is shown."""

import time

from conftest import click_and_wait
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def kind(driver):
    return driver.find_element(By.ID, "epreuve").get_attribute("data-kind")


def answer_current(driver, index=0):
    """Gives an answer to the question on the page; returns a description of it."""
    shown = kind(driver)
    if shown in ("singleChoice", "multipleChoice", "trueFalse"):
        options = driver.find_elements(By.CSS_SELECTOR, ".option input[name=reponse]")
        options[index % len(options)].click()
        return ("option", options[index % len(options)].get_attribute("id"))
    if shown in ("numerical", "shortAnswer"):
        field = driver.find_element(By.ID, "reponse-texte")
        field.clear()
        field.send_keys("12,5" if shown == "numerical" else "réponse")
        field.send_keys("\t")
        return ("text", field.get_attribute("value"))
    if shown == "essay":
        area = driver.find_element(By.ID, "reponse-redaction")
        area.send_keys("Une réponse rédigée.")
        return ("text", "Une réponse rédigée.")
    if shown == "matching":
        for select in driver.find_elements(By.CSS_SELECTOR, ".match-row select"):
            select.find_elements(By.TAG_NAME, "option")[1].click()
        return ("matching", None)
    return ("none", None)


def wait_saved(driver):
    """Waits until the page says the answer is stored on the server."""
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "etat-sauvegarde").get_attribute("data-state") == "saved")


def next_question(driver):
    """Goes to the next question with the form button; False at the last one."""
    buttons = driver.find_elements(By.CSS_SELECTOR, "button[name=aller]")
    last = buttons[-1]
    if last.get_attribute("value") == "fin":
        return False
    click_and_wait(driver, last)
    return True


def answer_all(driver, journey=None, label=None):
    """Answers every question of the open section in order."""
    count = 0
    while True:
        answer_current(driver, count)
        wait_saved(driver)
        count += 1
        if journey and count == 1 and label:
            journey.check(label)
        if not next_question(driver):
            return count
        time.sleep(0.05)
