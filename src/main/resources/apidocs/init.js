// Swagger UI on this server's OpenAPI document (a relative URL, so it works behind a proxy).
window.ui = SwaggerUIBundle({
  url: new URL('../openapi.json', location.href).href,
  dom_id: '#swagger-ui',
  deepLinking: true
});
