// The seed case: a single-stage Go build (the toolchain ships) turned into a multi-stage build FROM scratch.

export const GO_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';

export const GO_SINGLE = [
  'FROM isg/golang:bookworm',
  'WORKDIR /src',
  'COPY main.go .',
  'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go',
  'CMD ["/usr/local/bin/hello"]',
  '',
].join('\n');

export const GO_MULTI = [
  'FROM isg/golang:bookworm AS build',
  'WORKDIR /src',
  'COPY main.go .',
  'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go',
  '',
  'FROM scratch',
  'COPY --from=build /usr/local/bin/hello /hello',
  'ENTRYPOINT ["/hello"]',
  '',
].join('\n');
