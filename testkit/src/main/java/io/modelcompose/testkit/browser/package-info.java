/** Support for browser tests: Debian's chromium and chromedriver, skipped or failed when they are missing. */
package io.modelcompose.testkit.browser;
