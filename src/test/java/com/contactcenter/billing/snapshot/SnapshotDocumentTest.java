package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SnapshotDocumentTest {

    /** The content hash is taken from the streamed bytes: they must be the stored text's, or versions would multiply. */
    @Test
    void streamedDocumentIsTheTextInUtf8() {
        ObjectNode doc = SnapshotDocument.JSON.createObjectNode();
        doc.put("name", "Camila \uD83D\uDE80 Ríos \"=SUM(A1)\"");
        doc.putArray("users").addObject().put("id", 4).put("messagesSent", 12L).putNull("lastLoginAt");

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        SnapshotDocument.write(doc, streamed);

        assertThat(streamed.toByteArray()).isEqualTo(SnapshotDocument.write(doc).getBytes(StandardCharsets.UTF_8));
    }
}
