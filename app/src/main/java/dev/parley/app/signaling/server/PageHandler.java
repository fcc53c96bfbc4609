package dev.parley.app.signaling.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the browser calling page from the class path: flat file names only (no paths, so
 * nothing outside the page's folder can be asked for), with explicit content types (Grizzly's
 * static handler sent none for {@code .js}) and {@code nosniff}.
 */
final class PageHandler extends HttpHandler {
    private static final Pattern FILE = Pattern.compile("/([a-z0-9][a-z0-9-]*)\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final ClassLoader loader;
    private final String resourceRoot;

    /** @param resourceRoot the page's class-path folder, e.g. {@code dev/parley/resources/web/} */
    PageHandler(ClassLoader loader, String resourceRoot) {
        this.loader = loader;
        this.resourceRoot = resourceRoot;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
            response.sendError(405);
            return;
        }
        String path = request.getRequestURI();
        Matcher m = FILE.matcher("/".equals(path) ? "/index.html" : path);
        byte[] body = null;
        if (m.matches()) {
            try (InputStream in = loader.getResourceAsStream(resourceRoot + m.group(1) + "." + m.group(2))) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(TYPES.get(m.group(2).toLowerCase(Locale.ROOT)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        if (Method.GET.equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
