package dev.vidgen.adapter.jdk.archfixture;

import dev.vidgen.adapter.httpclient.archfixture.HttpClientAdapterPart;

/** Breaks the adapter rule on purpose (fixture for RulesBiteTest). */
public class JdkAdapterImportingTheOtherAdapter {
    public Object borrow() {
        return new HttpClientAdapterPart();
    }
}
