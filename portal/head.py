"""HEAD requests get the headers of a GET and no body (RFC 9110, 9.3.2).

Django's development server and test client drop the body themselves; gunicorn sends whatever
the application gives. This middleware, first in the list, drops it in the application, after
every other middleware (the page cache included) has had the whole response."""


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if response.streaming:
            # A file's length is in its headers already; the file is closed with the response.
            response.streaming_content = []
        else:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
