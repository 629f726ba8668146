// Boots GraphiQL against the endpoint named by the page. Kept out of the HTML so the page needs no inline script.
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  // createFetcher sends the headers typed in the IDE's header editor (e.g. Authorization) with every request.
  var fetcher = GraphiQL.createFetcher({ url: container.dataset.endpoint });
  function render(schema) {
    ReactDOM.createRoot(container).render(
      React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true, schema: schema })
    );
  }
  // Introspection needs a token; when the host serves its published schema, the docs work without one.
  // Otherwise (or if that fails) GraphiQL introspects with the headers in its Headers pane.
  if (container.dataset.schema) {
    fetch(container.dataset.schema)
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (result) { render(result.data); }, function () { render(undefined); });
  } else {
    render(undefined);
  }
})();
