package com.eoc.accounts.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.StreamReadFeature;

/**
 * How a JSON request body is read, beyond Spring's and Jackson's defaults: as text that means
 * one thing to every reader. Imported by {@link ProblemDetailsSupport}, beside its error mapping.
 *
 * <ul>
 *   <li>The body must be well-formed UTF-8 (RFC 8259). Jackson's byte parser takes an overlong
 *   sequence ({@code C0 AF}) for the character it spells ({@code /}) and a code point past
 *   U+10FFFF for two others, where the JDK's decoder refuses both: what was checked would not be
 *   what another program reads. A body in another declared charset is refused for the same reason.</li>
 *   <li>A key given twice ({@code {"email":"a@x","email":"b@x"}}) is refused: Jackson keeps the
 *   last, other parsers the first.</li>
 *   <li>At most {@value #MAX_BODY_BYTES} bytes: every command fits in a few hundred, and a larger
 *   body is read into memory only to be refused.</li>
 * </ul>
 * The other strict settings (no fraction where a whole number is expected, no trailing content)
 * are Spring Boot properties, in each application's {@code spring.jackson} settings.
 */
@Configuration(proxyBeanMethods = false)
public class JsonRequestBodies {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Bean
    JsonMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    Utf8Bodies utf8Bodies() {
        return new Utf8Bodies();
    }

    /** Checks the bytes of a JSON body before Jackson reads them. */
    @ControllerAdvice
    static final class Utf8Bodies extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                               Class<? extends HttpMessageConverter<?>> converterType)
                throws IOException {
            MediaType contentType = message.getHeaders().getContentType();
            Charset charset = contentType == null ? null : contentType.getCharset();
            if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
                throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                        "a JSON body is UTF-8: send it without a charset, or with charset=UTF-8");
            }
            byte[] body;
            try (InputStream in = message.getBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw refused(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                        "a JSON body may hold at most " + MAX_BODY_BYTES / 1024 + " KiB");
            }
            try {
                // a fresh decoder reports malformed input instead of replacing it
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw refused(HttpStatus.BAD_REQUEST, "invalid-text", "Invalid text",
                        "the body is not well-formed UTF-8 (an invalid, overlong or out-of-range byte sequence)");
            }
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return message.getHeaders();
                }
            };
        }

        private static ErrorResponseException refused(HttpStatus status, String type, String title, String detail) {
            return new ErrorResponseException(status, ProblemDetailsSupport.problem(status, type, title, detail), null);
        }
    }
}
