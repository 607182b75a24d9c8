package dev.vidgen.adapter.httpclient.archfixture;

/** A class of the HttpClient adapter (fixture for RulesBiteTest). */
public class HttpClientAdapterPart {
}
