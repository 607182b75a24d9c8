package dev.vidgen.domain.archfixture;

import java.net.http.HttpClient;

/** Breaks the domain's stack rule on purpose (fixture for RulesBiteTest). */
public class DomainUsingJdkHttp {
    public HttpClient client() {
        return HttpClient.newHttpClient();
    }
}
