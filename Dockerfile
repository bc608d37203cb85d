FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schema schema
COPY graph graph
COPY ingest ingest
COPY api api
COPY algorithms algorithms
COPY accountgraph accountgraph
RUN pip install --no-cache-dir . && useradd --create-home accountgraph
USER accountgraph
ENV ACCOUNTGRAPH_DATA_DIR=/home/accountgraph/data
ENTRYPOINT ["accountgraph"]
CMD ["serve", "--host", "0.0.0.0"]
