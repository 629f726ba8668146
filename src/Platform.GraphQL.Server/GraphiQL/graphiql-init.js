// Boots GraphiQL against the endpoint named by the page. Kept out of the HTML so the page needs no inline script.
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  // createFetcher sends the headers typed in the IDE's header editor (e.g. Authorization) with every request.
  var fetcher = GraphiQL.createFetcher({ url: container.dataset.endpoint });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true })
  );
})();
