package com.summit.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, at a person's pace: signs in, clicks, types key by key, picks from a list. */
final class BrowserSteps {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final int port;

    BrowserSteps(ChromeDriver driver, WebDriverWait wait, int port) {
        this.driver = driver;
        this.wait = wait;
        this.port = port;
    }

    void open(String path) {
        driver.get("http://localhost:" + port + "/" + path);
    }

    /** Signs in on the login page (signing out whoever was signed in first) and waits for the inbox. */
    void signIn(String username) {
        driver.manage().deleteAllCookies();
        open("login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demo-users")));
        WebElement login = driver.findElement(By.id("login-form"));
        shadow(login, "input[name='username']").sendKeys(username);
        shadow(login, "input[name='password']").sendKeys("summit");
        shadow(login, "vaadin-button[slot='submit'], button[type='submit'], vaadin-button").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
    }

    /** Types into a field one key at a time, 60 ms apart, as a person does. */
    void typeSlowly(WebElement field, String text) {
        if (!field.equals(driver.switchTo().activeElement())) {
            field.click();
        }
        typeSlowly(text);
    }

    /** Types into whatever has the focus, one key at a time. */
    void typeSlowly(String text) {
        var actions = new Actions(driver);
        text.codePoints().forEach(c -> actions.sendKeys(new String(Character.toChars(c))).pause(Duration.ofMillis(60)));
        actions.perform();
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks what the locator finds; if the page redraws it at that moment, finds it again and clicks, as a person would. */
    void click(By by) {
        wait.until(d -> {
            try {
                click(clickable(by));
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /** Opens a Vaadin select and picks the item whose text contains the given text. */
    void pick(String selectId, String itemText) {
        click(By.id(selectId));
        WebElement item = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(OPEN_ITEMS
                + "return items.find(i => i.textContent.includes(arguments[0])) || null;", itemText));
        item.click();
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(OPEN_ITEMS + "return items.length === 0;"));
    }

    /** The items of an open select's list (a select with a value also shows a copy of its item in its own button). */
    private static final String OPEN_ITEMS = "const items = [...document.querySelectorAll('vaadin-select-item')]"
            + ".filter(i => !i.closest('vaadin-select-value-button') && i.checkVisibility());";

    /** Clicks the first grid cell whose text contains the given text. */
    void clickCellContaining(String text) {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')].some(c => c.textContent.includes(arguments[0]));", text));
        ((JavascriptExecutor) driver).executeScript(
                "[...document.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.includes(arguments[0])).click();", text);
    }

    /** Whether a notification that contains the text shows. */
    boolean notified(String text) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent.includes(arguments[0]));", text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement shadow(WebElement host, String css) {
        return wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const host = arguments[0]; const css = arguments[1];"
                        + "return host.querySelector(css) || (host.shadowRoot && host.shadowRoot.querySelector(css))"
                        + " || [...host.querySelectorAll('*')].map(e => e.shadowRoot && e.shadowRoot.querySelector(css)).find(Boolean);",
                host, css));
    }
}
