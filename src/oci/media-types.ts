// The names the OCI image spec and Docker's schema 2 give to documents and annotations.

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/** What we can read, indexes first (so that a multi-platform tag answers with its index). */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

/** The name of an index entry in a layout (`skopeo copy … oci:DIR:NAME`, umoci's tags, docker save's tag). */
export const REF_NAME = 'org.opencontainers.image.ref.name';
/** The full reference containerd and docker save give an index entry ("docker.io/library/app:v1"). */
export const IMAGE_NAME = 'io.containerd.image.name';
/** BuildKit marks its provenance and SBOM manifests with this annotation. */
export const REFERENCE_TYPE = 'vnd.docker.reference.type';

export function isIndexType(mediaType: string | undefined): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_LIST;
}
