// GraphiQL against this server's /graphql; the API key comes from the explorer's session.
(function () {
  const key = sessionStorage.getItem('accountgraph.key');
  const headers = { Authorization: 'Bearer ' + (key || '<your API key or JWT>') };
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify(headers, null, 2),
    defaultEditorToolsVisibility: 'headers',
  }));
})();
