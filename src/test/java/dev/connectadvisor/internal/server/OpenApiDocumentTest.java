package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The served document is OpenAPI 3.1 that a standard parser (swagger-parser) reads without a single message. */
class OpenApiDocumentTest {
    @Test
    void swaggerParser_readsTheServedDocument_withNoErrorsAndNoWarnings() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIParser().readContents(
                new String(OpenApiDocument.json(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/advice", "/v1/advice/batch", "/health/live",
                "/health/ready", "/metrics");
    }
}
