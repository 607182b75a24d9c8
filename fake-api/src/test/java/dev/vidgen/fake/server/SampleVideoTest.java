package dev.vidgen.fake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served MP4's box structure. (Decoded once by hand with ffmpeg 5.1: one 16x16 H.264 frame of
 * Y=0x51, Cb=0x5A, Cr=0xF0, no warnings; this test keeps the structure that made that true.)
 */
class SampleVideoTest {

    private final byte[] mp4 = SampleVideo.bytes();

    @Test
    void isSmallAndStartsWithAValidFtypBox() {
        assertThat(mp4.length).isBetween(200, 2048).isEqualTo(SampleVideo.length());
        ByteBuffer b = ByteBuffer.wrap(mp4);
        int size = b.getInt();
        assertThat(type(4)).isEqualTo("ftyp");
        assertThat(size).isBetween(16, mp4.length);
        assertThat(type(8)).isEqualTo("isom"); // major brand
        List<String> compatible = new ArrayList<>();
        for (int at = 16; at < size; at += 4) {
            compatible.add(type(at));
        }
        assertThat(compatible).contains("isom", "avc1");
    }

    @Test
    void topLevelBoxesTileTheFileExactly() {
        Map<String, int[]> boxes = children(0, mp4.length);

        assertThat(boxes.keySet()).containsExactly("ftyp", "moov", "mdat");
    }

    @Test
    void moovDescribesOneVideoTrackWhoseSampleLiesInMdat() {
        Map<String, int[]> top = children(0, mp4.length);
        int[] moov = top.get("moov");
        Map<String, int[]> inMoov = children(moov[0] + 8, moov[0] + moov[1]);
        assertThat(inMoov.keySet()).containsExactly("mvhd", "trak");

        int[] trak = inMoov.get("trak");
        int[] mdia = children(trak[0] + 8, trak[0] + trak[1]).get("mdia");
        Map<String, int[]> inMdia = children(mdia[0] + 8, mdia[0] + mdia[1]);
        assertThat(type(inMdia.get("hdlr")[0] + 16)).isEqualTo("vide");
        int[] minf = inMdia.get("minf");
        int[] stbl = children(minf[0] + 8, minf[0] + minf[1]).get("stbl");
        Map<String, int[]> inStbl = children(stbl[0] + 8, stbl[0] + stbl[1]);
        assertThat(inStbl.keySet()).containsExactly("stsd", "stts", "stsc", "stsz", "stco");
        assertThat(type(inStbl.get("stsd")[0] + 20)).isEqualTo("avc1");

        ByteBuffer b = ByteBuffer.wrap(mp4);
        int sampleSize = b.getInt(inStbl.get("stsz")[0] + 20);
        int chunkOffset = b.getInt(inStbl.get("stco")[0] + 16);
        int[] mdat = top.get("mdat");
        assertThat(chunkOffset).isEqualTo(mdat[0] + 8);
        assertThat(chunkOffset + sampleSize).isEqualTo(mdat[0] + mdat[1]);
        // the sample is one length-prefixed NAL unit: an IDR slice (type 5)
        assertThat(b.getInt(chunkOffset)).isEqualTo(sampleSize - 4);
        assertThat(mp4[chunkOffset + 4] & 0x1F).isEqualTo(5);
    }

    @Test
    void copiesAreIndependent() {
        byte[] copy = SampleVideo.bytes();
        copy[0] = 42;
        assertThat(SampleVideo.bytes()[0]).isNotEqualTo((byte) 42);
    }

    /** Child boxes of a range, by type: {offset, size}; fails unless they tile the range exactly. */
    private Map<String, int[]> children(int from, int to) {
        Map<String, int[]> boxes = new LinkedHashMap<>();
        int at = from;
        ByteBuffer b = ByteBuffer.wrap(mp4);
        while (at < to) {
            int size = b.getInt(at);
            assertThat(size).as("box size at %d", at).isGreaterThanOrEqualTo(8);
            boxes.put(type(at + 4), new int[] {at, size});
            at += size;
        }
        assertThat(at).as("boxes end exactly at the end of their parent").isEqualTo(to);
        return boxes;
    }

    private String type(int at) {
        return new String(mp4, at, 4, StandardCharsets.US_ASCII);
    }
}
