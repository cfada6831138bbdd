package cn.gov.wenzhou.kjj.devstack.browser;

import org.junit.jupiter.api.BeforeAll;

/**
 * A person's journey through the console: the one browser and the one stack of the test JVM (the issuer, the
 * services with the demo data, the console), started by the first journey and shared by the rest.
 */
abstract class Journey {

    protected static BrowserStack stack;
    protected static Browser browser;

    @BeforeAll
    static void openTheBrowserOnTheSharedStack() {
        browser = Browser.shared();
        stack = BrowserStack.shared();
    }
}
