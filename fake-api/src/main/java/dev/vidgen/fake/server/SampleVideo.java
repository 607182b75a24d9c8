package dev.vidgen.fake.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The small MP4 file the fake API serves as every task's result: one second, 16x16 pixels, one
 * H.264 (Baseline) frame coded as an uncompressed I_PCM macroblock, so it is a real, playable
 * video of well under a kilobyte, built here rather than shipped as a binary.
 *
 * <p>Layout: {@code ftyp}, then {@code moov} (mvhd, one video trak with an avc1/avcC sample entry),
 * then {@code mdat} holding the one sample.
 */
public final class SampleVideo {

    /** Width and height in pixels. */
    public static final int SIZE_PX = 16;

    private static final byte[] BYTES = build();

    private SampleVideo() {
    }

    /** A fresh copy of the MP4 file's bytes. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /** The file's length in bytes. */
    public static int length() {
        return BYTES.length;
    }

    private static byte[] build() {
        byte[] sps = nal(0x67, spsRbsp());
        byte[] pps = nal(0x68, ppsRbsp());
        byte[] idr = nal(0x65, idrRbsp());
        Box sample = new Box().u32(idr.length).bytes(idr); // length-prefixed NAL unit, as avcC says (4 bytes)
        byte[] sampleBytes = sample.payload();

        byte[] ftyp = box("ftyp", new Box().fourcc("isom").u32(0x200)
                .fourcc("isom").fourcc("iso2").fourcc("avc1").fourcc("mp41"));
        // the chunk offset does not change moov's size, so build once to measure, once for real
        int moovSize = moov(sps, pps, sampleBytes.length, 0).length;
        int chunkOffset = ftyp.length + moovSize + 8;
        byte[] moov = moov(sps, pps, sampleBytes.length, chunkOffset);
        byte[] mdat = box("mdat", new Box().bytes(sampleBytes));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp);
        out.writeBytes(moov);
        out.writeBytes(mdat);
        return out.toByteArray();
    }

    private static byte[] moov(byte[] sps, byte[] pps, int sampleSize, int chunkOffset) {
        int timescale = 1000;
        int duration = 1000;
        Box mvhd = full(0, 0).u32(0).u32(0).u32(timescale).u32(duration).u32(0x00010000).u16(0x0100).zeros(10)
                .matrix().zeros(24).u32(2);
        Box tkhd = full(0, 3).u32(0).u32(0).u32(1).u32(0).u32(duration).zeros(8).u16(0).u16(0).u16(0).u16(0)
                .matrix().u32(SIZE_PX << 16).u32(SIZE_PX << 16);
        Box mdhd = full(0, 0).u32(0).u32(0).u32(timescale).u32(duration).u16(0x55C4 /* "und" */).u16(0);
        Box hdlr = full(0, 0).u32(0).fourcc("vide").zeros(12).bytes("VideoHandler\0".getBytes(StandardCharsets.US_ASCII));
        Box vmhd = full(0, 1).u16(0).zeros(6);
        Box url = full(0, 1);
        Box dref = full(0, 0).u32(1).bytes(box("url ", url));
        Box avcC = new Box().u8(1).u8(66).u8(0xC0).u8(10).u8(0xFF).u8(0xE1)
                .u16(sps.length).bytes(sps).u8(1).u16(pps.length).bytes(pps);
        byte[] compressorName = new byte[32];
        Box avc1 = new Box().zeros(6).u16(1).u16(0).u16(0).zeros(12).u16(SIZE_PX).u16(SIZE_PX)
                .u32(0x00480000).u32(0x00480000).u32(0).u16(1).bytes(compressorName).u16(0x0018).u16(0xFFFF)
                .bytes(box("avcC", avcC));
        Box stsd = full(0, 0).u32(1).bytes(box("avc1", avc1));
        Box stts = full(0, 0).u32(1).u32(1).u32(duration);
        Box stsc = full(0, 0).u32(1).u32(1).u32(1).u32(1);
        Box stsz = full(0, 0).u32(0).u32(1).u32(sampleSize);
        Box stco = full(0, 0).u32(1).u32(chunkOffset);
        byte[] stbl = box("stbl", new Box().bytes(box("stsd", stsd)).bytes(box("stts", stts))
                .bytes(box("stsc", stsc)).bytes(box("stsz", stsz)).bytes(box("stco", stco)));
        byte[] minf = box("minf", new Box().bytes(box("vmhd", vmhd)).bytes(box("dinf", new Box().bytes(box("dref", dref))))
                .bytes(stbl));
        byte[] mdia = box("mdia", new Box().bytes(box("mdhd", mdhd)).bytes(box("hdlr", hdlr)).bytes(minf));
        byte[] trak = box("trak", new Box().bytes(box("tkhd", tkhd)).bytes(mdia));
        return box("moov", new Box().bytes(box("mvhd", mvhd)).bytes(trak));
    }

    // --- H.264: Baseline, level 1.0, one 16x16 IDR frame made of one I_PCM macroblock ---

    private static byte[] spsRbsp() {
        Bits b = new Bits();
        b.u(8, 66).u(8, 0xC0).u(8, 10); // profile_idc, constraint flags, level_idc
        b.ue(0);                         // seq_parameter_set_id
        b.ue(0);                         // log2_max_frame_num_minus4
        b.ue(2);                         // pic_order_cnt_type
        b.ue(1);                         // max_num_ref_frames
        b.u(1, 0);                       // gaps_in_frame_num_value_allowed_flag
        b.ue(0).ue(0);                   // width and height in macroblocks, minus 1
        b.u(1, 1).u(1, 1).u(1, 0).u(1, 0); // frame_mbs_only, direct_8x8_inference, frame_cropping, vui present
        return b.trailing();
    }

    private static byte[] ppsRbsp() {
        Bits b = new Bits();
        b.ue(0).ue(0);                   // pic_parameter_set_id, seq_parameter_set_id
        b.u(1, 0).u(1, 0);               // CAVLC, no bottom_field_pic_order_in_frame_present
        b.ue(0);                         // num_slice_groups_minus1
        b.ue(0).ue(0);                   // num_ref_idx_l0/l1_default_active_minus1
        b.u(1, 0).u(2, 0);               // weighted_pred_flag, weighted_bipred_idc
        b.se(0).se(0).se(0);             // pic_init_qp/qs_minus26, chroma_qp_index_offset
        b.u(1, 0).u(1, 0).u(1, 0);       // deblocking control, constrained intra, redundant_pic_cnt
        return b.trailing();
    }

    private static byte[] idrRbsp() {
        Bits b = new Bits();
        b.ue(0);                         // first_mb_in_slice
        b.ue(7);                         // slice_type: I (all slices)
        b.ue(0);                         // pic_parameter_set_id
        b.u(4, 0);                       // frame_num
        b.ue(0);                         // idr_pic_id
        b.u(1, 0).u(1, 0);               // dec_ref_pic_marking: no_output_of_prior_pics, long_term_reference
        b.se(0);                         // slice_qp_delta
        b.ue(25);                        // mb_type I_PCM
        b.align();                       // pcm_alignment_zero_bits
        for (int i = 0; i < 256; i++) {
            b.u(8, 0x51);                // luma: a red picture (Y 81, Cb 90, Cr 240)
        }
        for (int i = 0; i < 64; i++) {
            b.u(8, 0x5A);
        }
        for (int i = 0; i < 64; i++) {
            b.u(8, 0xF0);
        }
        return b.trailing();
    }

    /** A NAL unit: header byte, then the RBSP with emulation prevention bytes inserted. */
    private static byte[] nal(int header, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int zeros = 0;
        for (byte value : rbsp) {
            int v = value & 0xFF;
            if (zeros >= 2 && v <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(v);
            zeros = v == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** An MSB-first bit writer with Exp-Golomb codes. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int count;

        Bits u(int bits, int value) {
            for (int i = bits - 1; i >= 0; i--) {
                current = (current << 1) | ((value >>> i) & 1);
                if (++count == 8) {
                    out.write(current);
                    current = 0;
                    count = 0;
                }
            }
            return this;
        }

        Bits ue(int value) {
            int codeNum = value + 1;
            int length = 32 - Integer.numberOfLeadingZeros(codeNum);
            u(length - 1, 0);
            return u(length, codeNum);
        }

        Bits se(int value) {
            return ue(value <= 0 ? -2 * value : 2 * value - 1);
        }

        Bits align() {
            while (count != 0) {
                u(1, 0);
            }
            return this;
        }

        byte[] trailing() {
            u(1, 1);
            align();
            return out.toByteArray();
        }
    }

    private static byte[] box(String type, Box content) {
        byte[] payload = content.payload();
        return new Box().u32(8 + payload.length).fourcc(type).bytes(payload).payload();
    }

    private static Box full(int version, int flags) {
        return new Box().u8(version).u8(flags >>> 16).u16(flags & 0xFFFF);
    }

    /** A big-endian byte writer. */
    private static final class Box {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Box() {
        }

        Box u8(int v) {
            out.write(v & 0xFF);
            return this;
        }

        Box u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Box u32(int v) {
            return u16(v >>> 16).u16(v);
        }

        Box zeros(int n) {
            out.writeBytes(new byte[n]);
            return this;
        }

        Box fourcc(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Box bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Box matrix() {
            return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
        }

        byte[] payload() {
            return out.toByteArray();
        }
    }
}
